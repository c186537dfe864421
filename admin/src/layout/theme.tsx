import { defaultTheme, RaThemeOptions } from 'react-admin';
import { ListToolbar } from '../common/RegistryGrid';

/**
 * react-admin's theme with blues dark enough for WCAG AA: white on the app bar's #2196f3 was
 * 3.12:1 and the toolbars' #1976d2 buttons 4.41:1 on the page background; both are now above 5.7:1.
 * Every list gets the same toolbar, with the column chooser, unless it names its own actions.
 */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#1565c0' },
    secondary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' },
  },
  components: {
    ...defaultTheme.components,
    RaList: { defaultProps: { actions: <ListToolbar /> } },
  },
};
