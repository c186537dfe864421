import { Box, Stack, Typography } from '@mui/material';
import { FunctionField, useLocaleState, useTranslate } from 'react-admin';
import { formatAmount, Locale } from '../../common/format';
import { MoneyInput } from '../../common/MoneyInput';

/** RESULT_BAND_AMOUNTS: per result kind, one amount per aid band (fascia di aiuto), band 1 first. */
const KINDS = ['placementAmountsByBand', 'selfEmploymentAmountsByBand'] as const;
const BANDS = [1, 2, 3, 4];

/** Four bands by two result kinds; a band left empty is bounded by the cap per recipient only. */
export const BandAmountsInputs = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ my: 1 }}>
      <Typography variant="subtitle2">{translate('reti.rules.band_amounts')}</Typography>
      <Typography variant="caption" color="text.secondary">
        {translate('reti.rules.band_amounts_help')}
      </Typography>
      {BANDS.map((band) => (
        <Stack key={band} direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
          {KINDS.map((kind) => (
            <MoneyInput
              key={kind}
              source={`${kind}.${band - 1}`}
              label={translate('reti.rules.band_amount', { band, kind: translate(`reti.rules.band_kind.${kind}`) })}
            />
          ))}
        </Stack>
      ))}
    </Box>
  );
};

/** "1: € 1.000,00 · 2: — · …" for the show page. */
export const BandAmountsField = ({ source }: { source: (typeof KINDS)[number] }) => {
  const [locale = 'it'] = useLocaleState();
  return (
    <FunctionField
      source={source}
      render={(measure: Record<string, (string | null)[] | undefined>) =>
        BANDS.map((band) => {
          const amount = measure[source]?.[band - 1];
          return `${band}: ${amount ? `€ ${formatAmount(amount, locale as Locale)}` : '—'}`;
        }).join(' · ')
      }
    />
  );
};
