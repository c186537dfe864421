/** The GraphQL explorer's page; spread into `reti` of it.ts and en.ts. */
export const explorer = {
  it: {
    explorer: {
      title: 'Esplora l’API GraphQL',
      menu: 'API GraphQL',
      copy_curl: 'Copia come curl',
      curl_copied: 'Comando curl copiato negli appunti',
      curl_select: 'Comando curl (selezionalo e copialo)',
      curl_token: 'Il comando legge il token da $RETI_TOKEN: crea un token API dal tuo profilo ed esportalo con export RETI_TOKEN=…',
      editors: { query: 'Interrogazione GraphQL', variables: 'Variabili (JSON)', response: 'Risposta' },
      presets: {
        heading: 'Interrogazioni pronte:',
        allocations: 'Assegnazioni per fonte e provincia',
        roster: 'Composizione di una rete',
        outcomes: 'Esiti per misura e provincia',
      },
    },
  },
  en: {
    explorer: {
      title: 'Explore the GraphQL API',
      menu: 'GraphQL API',
      copy_curl: 'Copy as curl',
      curl_copied: 'curl command copied to the clipboard',
      curl_select: 'curl command (select it and copy it)',
      curl_token: 'The command reads the token from $RETI_TOKEN: create an API token from your profile and export it with export RETI_TOKEN=…',
      editors: { query: 'GraphQL query', variables: 'Variables (JSON)', response: 'Response' },
      presets: {
        heading: 'Ready queries:',
        allocations: 'Allocations by fund source and province',
        roster: "A network's roster",
        outcomes: 'Outcomes by measure and province',
      },
    },
  },
};
