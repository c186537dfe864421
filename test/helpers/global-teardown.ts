export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { retiEmbedded?: { stop(): Promise<void> } }).retiEmbedded;
  await embedded?.stop();
}
