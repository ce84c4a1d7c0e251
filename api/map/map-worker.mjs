// Boots the map worker: registers tsx (as bin/innograph.js does) so the worker can load the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./map-worker.ts');
