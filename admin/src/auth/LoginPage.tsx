import HubIcon from '@mui/icons-material/Hub';
import { Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

/** The sign-in page, which says what it signs in to. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login avatarIcon={<HubIcon />}>
      <Typography component="h1" variant="h6" align="center" sx={{ px: 2, mt: 1 }}>
        {translate('reti.app.title')}
      </Typography>
      <LoginForm />
    </Login>
  );
};
