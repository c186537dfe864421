/** Jest's counterpart of Vite's `?raw` imports: the file's text as the module's default export. */
module.exports = {
  process: (source) => ({ code: `module.exports = ${JSON.stringify(source)};` }),
};
