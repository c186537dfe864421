import { ReactNode } from 'react';
import { Theme } from '@mui/material';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

/** On a phone the app bar stays in the flow (AppBar.tsx), however many rows its title takes: no room to keep for it. */
const PHONE_FRAME = (theme: Theme) => ({ '& .RaLayout-appFrame': { [theme.breakpoints.down('sm')]: { marginTop: 0 } } });

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppBar} menu={Menu} sx={PHONE_FRAME}>
    {children}
  </RaLayout>
);
