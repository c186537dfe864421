import { Autocomplete, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { RaRecord, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';

/** What the search looks through, with the list filter `q` of each, and how a hit reads. */
const SEARCHED: { resource: string; label: (record: RaRecord) => string }[] = [
  { resource: 'partners', label: (r) => `${r.legalName} · ${r.taxCode}` },
  { resource: 'networks', label: (r) => `${r.code} · ${r.title}` },
  { resource: 'crisisCompanies', label: (r) => `${r.name} · ${r.taxCode}` },
];

const HITS_PER_RESOURCE = 5;
const MIN_LENGTH = 2;

interface Hit {
  resource: string;
  id: RaRecord['id'];
  label: string;
}

function useHits(resource: string, label: (record: RaRecord) => string, q: string): Hit[] {
  const { data = [] } = useGetList(resource, { pagination: { page: 1, perPage: HITS_PER_RESOURCE }, filter: { q } }, { enabled: q.length >= MIN_LENGTH });
  return q.length >= MIN_LENGTH ? data.map((record) => ({ resource, id: record.id, label: label(record) })) : [];
}

/** Debounced, so that typing a name asks the server once, not once per letter. */
function useSettled(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** One search box in the app bar over partners, networks and companies in crisis, by name or code. */
export const RegistrySearch = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const [text, setText] = useState('');
  const q = useSettled(text.trim());
  // SEARCHED never changes, so the hooks run in the same order on every render.
  const hits = SEARCHED.flatMap(({ resource, label }) => useHits(resource, label, q));
  return (
    <Autocomplete<Hit, false, false, false>
      options={hits}
      groupBy={(hit) => translate(`resources.${hit.resource}.name`, { smart_count: 2 })}
      getOptionLabel={(hit) => hit.label}
      getOptionKey={(hit) => `${hit.resource}/${hit.id}`}
      filterOptions={(options) => options}
      inputValue={text}
      onInputChange={(_event, value, reason) => reason !== 'reset' && setText(value)}
      value={null}
      onChange={(_event, hit) => {
        if (!hit) return;
        setText('');
        navigate(createPath({ resource: hit.resource, id: hit.id, type: 'show' }));
      }}
      noOptionsText={translate(q.length >= MIN_LENGTH ? 'reti.search.no_results' : 'reti.search.typing')}
      size="small"
      sx={{ width: { xs: 150, sm: 300 }, mx: 1, flexShrink: 0 }}
      slotProps={{ paper: { sx: { minWidth: 300 } } }}
      renderInput={(params) => (
        <TextField
          {...params}
          variant="outlined"
          margin="none"
          placeholder={translate('reti.search.placeholder')}
          slotProps={{ htmlInput: { ...params.inputProps, 'aria-label': translate('reti.search.label') } }}
          sx={{ bgcolor: 'background.paper', borderRadius: 1 }}
          data-testid="registry-search"
        />
      )}
    />
  );
};
