/** The console's GraphQL explorer, for every signed-in user (App.tsx, Menu.tsx). */
export const EXPLORER_PATH = '/explorer';
