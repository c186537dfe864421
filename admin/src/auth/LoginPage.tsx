import HubIcon from '@mui/icons-material/Hub';
import { Box, Button, Link, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Login, LoginForm, useTranslate } from 'react-admin';
import { expectSession } from '../providers/session';
import { SSO_LOGIN_URL, ssoSettings, SsoSettings } from '../providers/sso';

/**
 * The sign-in page, which says what it signs in to. With single sign-on configured it offers the
 * identity provider's button; the password form stays, or hides behind a link for the break-glass
 * administrators when only they keep passwords (the server refuses everyone else's anyway).
 */
export const LoginPage = () => {
  const translate = useTranslate();
  const [sso, setSso] = useState<SsoSettings | null>(null);
  const [passwordAsked, setPasswordAsked] = useState(false);
  useEffect(() => void ssoSettings().then(setSso), []);
  const passwordShown = sso !== null && (!sso.enabled || !sso.passwordForAdminsOnly || passwordAsked);
  return (
    <Login avatarIcon={<HubIcon />}>
      <Typography component="h1" variant="h6" align="center" sx={{ px: 2, mt: 1 }}>
        {translate('reti.app.title')}
      </Typography>
      {sso?.enabled && (
        <Box sx={{ px: 2, pt: 2 }}>
          <Button variant="contained" fullWidth href={SSO_LOGIN_URL} onClick={expectSession}>
            {sso.label || translate('reti.auth.sso_button')}
          </Button>
        </Box>
      )}
      {passwordShown && <LoginForm />}
      {sso?.enabled && !passwordShown && (
        <Box sx={{ p: 2, textAlign: 'center' }}>
          <Link component="button" type="button" variant="body2" onClick={() => setPasswordAsked(true)}>
            {translate('reti.auth.password_for_admins')}
          </Link>
        </Box>
      )}
    </Login>
  );
};
