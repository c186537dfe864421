import 'graphiql/style.css';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { RefObject, useEffect, useRef, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { sessionFetch } from '../providers/graphqlClient';
import { authHeaders, GRAPHQL_URL } from '../providers/session';
import { curlCommand, EXPLORER_PRESETS, ExplorerPreset } from './presets';

/** Requests go through the console's own session: its access token, renewed through the refresh cookie. */
const fetcher = createGraphiQLFetcher({ url: GRAPHQL_URL, fetch: sessionFetch });

const variablesText = (preset: ExplorerPreset) => (preset.variables ? JSON.stringify(preset.variables, null, 2) : '');

function parsedVariables(text: string): Record<string, unknown> | undefined {
  try {
    const value = text.trim() ? JSON.parse(text) : undefined;
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * GraphiQL 4 leaves its editors' input textareas (CodeMirror's) without a name and puts its tab
 * buttons inside list items of role "tab" (axe: label, nested-interactive). Whenever it renders, the
 * textareas get their editor's name and the role, with its aria-selected, moves onto the button.
 */
function useAccessibleGraphiQL(root: RefObject<HTMLElement | null>, names: { query: string; variables: string; response: string }) {
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const fix = () => {
      element.querySelectorAll('textarea:not([aria-label])').forEach((textarea) => {
        const editor = textarea.closest('.graphiql-query-editor, .graphiql-editor-tool');
        textarea.setAttribute('aria-label', editor?.classList.contains('graphiql-query-editor') ? names.query : editor ? names.variables : names.response);
      });
      // CodeMirror takes its scrolling area out of the tab order (axe: scrollable-region-focusable).
      element.querySelectorAll('.CodeMirror-scroll:not([tabindex="0"])').forEach((scroll) => scroll.setAttribute('tabindex', '0'));
      element.querySelectorAll('.graphiql-tab').forEach((tab) => {
        const button = tab.querySelector('.graphiql-tab-button');
        if (!button) return;
        if (tab.hasAttribute('aria-selected')) {
          button.setAttribute('aria-selected', tab.getAttribute('aria-selected')!);
          tab.removeAttribute('aria-selected');
        }
        if (tab.getAttribute('role') !== 'presentation') tab.setAttribute('role', 'presentation');
        if (button.getAttribute('role') !== 'tab') button.setAttribute('role', 'tab');
      });
    };
    fix();
    const observer = new MutationObserver(fix);
    observer.observe(element, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-selected'] });
    return () => observer.disconnect();
  }, [root, names.query, names.variables, names.response]);
}

/**
 * GraphiQL on the API, bundled with the console (no CDN): the schema's descriptions as its
 * documentation, the analysts' ready queries as presets, and the current request as a curl
 * command that names the API token $RETI_TOKEN instead of carrying the console's token.
 */
export const Explorer = () => {
  const translate = useTranslate();
  const [query, setQuery] = useState(EXPLORER_PRESETS[0].query);
  const [variables, setVariables] = useState(variablesText(EXPLORER_PRESETS[0]));
  const [curl, setCurl] = useState<{ command: string; copied: boolean } | null>(null);
  const editors = useRef<HTMLDivElement>(null);
  useAccessibleGraphiQL(editors, {
    query: translate('reti.explorer.editors.query'),
    variables: translate('reti.explorer.editors.variables'),
    response: translate('reti.explorer.editors.response'),
  });

  const choose = (preset: ExplorerPreset) => {
    setQuery(preset.query);
    setVariables(variablesText(preset));
  };

  const copyAsCurl = async () => {
    // An administrator's acting tenant travels as X-Tenant-Id; the token, never.
    const command = curlCommand(new URL(GRAPHQL_URL, window.location.href).href, query, parsedVariables(variables), authHeaders()['x-tenant-id']);
    const copied = await navigator.clipboard?.writeText(command).then(
      () => true,
      () => false,
    );
    setCurl({ command, copied: copied ?? false });
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 96px)', minHeight: 480, mt: 1 }}>
      <Title title="reti.explorer.title" />
      <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary">
          {translate('reti.explorer.presets.heading')}
        </Typography>
        {EXPLORER_PRESETS.map((preset) => (
          <Button key={preset.id} size="small" variant="outlined" onClick={() => choose(preset)}>
            {translate(preset.label)}
          </Button>
        ))}
        <Box sx={{ flexGrow: 1 }} />
        <Button size="small" variant="contained" startIcon={<ContentCopyIcon />} onClick={copyAsCurl}>
          {translate('reti.explorer.copy_curl')}
        </Button>
      </Stack>
      <Box
        ref={editors}
        // GraphiQL's own logo is a light grey on white, and its syntax colours (names in teal, fields in
        // blue, punctuation at half opacity) are below the contrast the console keeps: darker shades of the same hues.
        sx={{
          flexGrow: 1,
          minHeight: 0,
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          overflow: 'hidden',
          '& .graphiql-container .graphiql-logo, & .graphiql-container .graphiql-logo .graphiql-logo-link': { color: 'text.primary' },
          '& .graphiql-container': {
            '--color-primary': '320, 95%, 34%',
            '--color-secondary': '242, 51%, 48%',
            '--color-tertiary': '188, 100%, 24%',
            '--color-info': '208, 100%, 34%',
            '--color-success': '158, 60%, 26%',
            '--color-warning': '36, 100%, 26%',
            '--alpha-tertiary': '0.8',
          },
        }}
      >
        <GraphiQL
          fetcher={fetcher}
          query={query}
          variables={variables}
          onEditQuery={setQuery}
          onEditVariables={setVariables}
          // The session signs every request: no headers to type, and none kept in the browser's storage.
          isHeadersEditorEnabled={false}
          shouldPersistHeaders={false}
          forcedTheme="light"
        />
      </Box>
      <Dialog open={curl !== null} onClose={() => setCurl(null)} maxWidth="md" fullWidth>
        <DialogTitle>{translate(curl?.copied ? 'reti.explorer.curl_copied' : 'reti.explorer.curl_select')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('reti.explorer.curl_token')}
          </Typography>
          <Box component="pre" data-testid="explorer-curl" sx={{ p: 1, bgcolor: 'grey.100', overflowX: 'auto', fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {curl?.command}
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setCurl(null)}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
