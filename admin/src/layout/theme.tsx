import type { Theme } from '@mui/material';
import { defaultTheme, RaThemeOptions } from 'react-admin';
import { ListToolbar } from '../common/RegistryGrid';

/** What assistive technology hears for a spinner or a placeholder while data loads. */
const LOADING = 'Caricamento in corso – Loading';

/**
 * react-admin's theme with blues dark enough for WCAG AA: white on the app bar's #2196f3 was
 * 3.12:1 and the toolbars' #1976d2 buttons 4.41:1 on the page background; both are now above 5.7:1.
 * Every list gets the same toolbar, with the column chooser, unless it names its own actions.
 * The other overrides fix what axe-core finds in react-admin's own components.
 */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#1565c0' },
    secondary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' },
    // "Elimina" on a form's grey toolbar: #d32f2f gave 3.77:1.
    error: { main: '#b71c1c' },
  },
  components: {
    ...defaultTheme.components,
    RaList: { defaultProps: { actions: <ListToolbar /> } },
    // A checkbox's label belongs on its input: react-admin's row checkboxes put it on the wrapping span.
    // The grid drawn while a list loads has inert, unlabelled "select-all" boxes: they say what they stand for.
    MuiCheckbox: {
      defaultProps: {
        slotProps: {
          root: { 'aria-label': undefined },
          input: ({ 'aria-label': label, className, onChange }: { 'aria-label'?: string; className?: string; onChange?: unknown }) => ({
            'aria-label': label ?? (className === 'select-all' && !onChange ? LOADING : undefined),
          }),
        },
      },
    },
    // An empty list's message was in the disabled grey, 2.9:1.
    RaEmpty: { styleOverrides: { root: ({ theme }: { theme: Theme }) => ({ '& .RaEmpty-message': { color: theme.palette.text.secondary } }) } },
    // The access-denied page dimmed its message to half opacity, below 4.5:1: full strength, secondary text.
    RaAccessDenied: { styleOverrides: { root: ({ theme }: { theme: Theme }) => ({ '& .RaAccessDenied-message': { opacity: 1, color: theme.palette.text.secondary } }) } },
    // On phones: tables keep narrow cells, and the page's content may shrink below its widest
    // child, so that scrollable tabs scroll instead of widening the page.
    MuiTableCell: {
      styleOverrides: {
        root: ({ theme }: { theme: Theme }) => ({
          ...(defaultTheme.components?.MuiTableCell?.styleOverrides?.root as object),
          [theme.breakpoints.down('sm')]: { paddingLeft: theme.spacing(0.5), paddingRight: theme.spacing(0.5) },
        }),
      },
    },
    RaLayout: {
      styleOverrides: { root: ({ theme }: { theme: Theme }) => ({ [theme.breakpoints.down('sm')]: { minWidth: 0, '& .RaLayout-content': { minWidth: 0 } } }) },
    },
    // Spinners are announced, not just drawn.
    MuiCircularProgress: { defaultProps: { 'aria-label': LOADING } },
    MuiLinearProgress: { defaultProps: { 'aria-label': LOADING } },
  },
};
