import SearchIcon from '@mui/icons-material/Search';
import { Autocomplete, Dialog, DialogContent, IconButton, TextField, Theme, useMediaQuery } from '@mui/material';
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

/** One search box over partners, networks and companies in crisis, by name or code; `onPicked` after a hit is opened. */
const SearchBox = ({ onPicked, autoFocus = false }: { onPicked?: () => void; autoFocus?: boolean }) => {
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
        onPicked?.();
      }}
      noOptionsText={translate(q.length >= MIN_LENGTH ? 'reti.search.no_results' : 'reti.search.typing')}
      size="small"
      sx={{ width: { xs: '100%', sm: 300 }, mx: { sm: 1 }, flexShrink: 0 }}
      slotProps={{ paper: { sx: { minWidth: 300 } } }}
      renderInput={(params) => (
        <TextField
          {...params}
          variant="outlined"
          margin="none"
          placeholder={translate('reti.search.placeholder')}
          autoFocus={autoFocus}
          slotProps={{ htmlInput: { ...params.inputProps, 'aria-label': translate('reti.search.label') } }}
          sx={{ bgcolor: 'background.paper', borderRadius: 1 }}
          data-testid="registry-search"
        />
      )}
    />
  );
};

/** In the app bar: the search box, or on a phone a button that opens it, so that the page's title keeps its room. */
export const RegistrySearch = () => {
  const translate = useTranslate();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const [open, setOpen] = useState(false);
  if (!small) return <SearchBox />;
  return (
    <>
      <IconButton color="inherit" aria-label={translate('reti.search.label')} onClick={() => setOpen(true)}>
        <SearchIcon />
      </IconButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth slotProps={{ paper: { sx: { alignSelf: 'flex-start', mx: 1, width: '100%' } } }}>
        <DialogContent sx={{ p: 1 }}>
          <SearchBox autoFocus onPicked={() => setOpen(false)} />
        </DialogContent>
      </Dialog>
    </>
  );
};
