import type { Theme } from '@mui/material';
import { defaultDarkTheme, defaultTheme, RaThemeOptions } from 'react-admin';
import { ListEmpty } from '../common/ListEmpty';
import { ListToolbar } from '../common/RegistryGrid';

/** What assistive technology hears for a spinner or a placeholder while data loads. */
const LOADING = 'Caricamento in corso – Loading';

/**
 * What a keyboard user sees on the element that has the focus: a ring in the theme's own colour,
 * 2 px clear of it, on every button, link, tab, menu entry and input (MUI only draws a faint ripple).
 */
const focusRing = (theme: Theme) => ({
  '&.Mui-focusVisible, &:focus-visible': { outline: `3px solid ${theme.palette.primary.main}`, outlineOffset: 2 },
});

/**
 * The overrides both themes share: the list toolbar, and fixes for what axe-core finds in
 * react-admin's own components.
 */
const components = (base: RaThemeOptions): RaThemeOptions['components'] => ({
  ...base.components,
  RaList: { defaultProps: { actions: <ListToolbar />, empty: <ListEmpty /> } },
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
  MuiButtonBase: { styleOverrides: { root: ({ theme }: { theme: Theme }) => focusRing(theme) } },
  // react-admin's "Vai al contenuto" drew white text on the light page background (1.04:1) when it took the focus.
  RaSkipNavigationButton: {
    styleOverrides: {
      root: ({ theme }: { theme: Theme }) => ({
        backgroundColor: theme.palette.primary.main,
        color: theme.palette.primary.contrastText,
        '&:hover': { backgroundColor: theme.palette.primary.dark, opacity: 1 },
        ...focusRing(theme),
      }),
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
        ...(base.components?.MuiTableCell?.styleOverrides?.root as object),
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
});

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
    // "Elimina" on a form's grey toolbar: #d32f2f gave 3.77:1.
    error: { main: '#b71c1c' },
  },
  components: components(defaultTheme),
};

/**
 * The dark theme (the app bar's sun/moon button): react-admin's, with an error red and a warning
 * light enough for 4.5:1 on its grey toolbars and cards, which MUI's #f44336 was not (2.9:1 on #424242).
 */
export const darkTheme: RaThemeOptions = {
  ...defaultDarkTheme,
  palette: {
    ...defaultDarkTheme.palette,
    mode: 'dark',
    primary: { main: '#90caf9' },
    secondary: { main: '#90caf9' },
    error: { main: '#ffb4ab' },
    warning: { main: '#ffb74d' },
  },
  components: components(defaultDarkTheme),
};
