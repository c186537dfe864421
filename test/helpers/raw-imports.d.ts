/** Vite's `?raw` imports, which the console's modules use, as test code sees them (test/helpers/raw-text-transform.js). */
declare module '*?raw' {
  const text: string;
  export default text;
}
