// vitest globalSetup: start one moto_server for the whole run unless AWS_ENDPOINT_URL is already set (CI).
import { startMoto } from './moto.js';

export default async function setup(): Promise<(() => void) | void> {
  if (process.env.AWS_ENDPOINT_URL) return;
  const moto = await startMoto();
  process.env.AWS_ENDPOINT_URL = moto.url;
  return () => moto.stop();
}
