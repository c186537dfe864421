import { Typography } from '@mui/material';
import { useResourceContext, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && !value.trim()) || (Array.isArray(value) && value.length === 0);

/** Names, beside the form's buttons, the required fields still empty: what keeps "Salva" from saving. */
export const MissingRequired = ({ fields }: { fields: string[] }) => {
  const values = useWatch();
  const resource = useResourceContext();
  const translate = useTranslate();
  const missing = fields.filter((field) => blank(values?.[field]));
  if (!missing.length) return null;
  return (
    <Typography variant="body2" color="text.secondary" role="status" data-testid="missing-required" sx={{ mt: 2 }}>
      {translate('reti.codesign.form_missing', { fields: missing.map((field) => translate(`resources.${resource}.fields.${field}`)).join(', ') })}
    </Typography>
  );
};
