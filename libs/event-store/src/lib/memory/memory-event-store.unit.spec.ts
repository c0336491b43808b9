import { runEventStoreContract } from '../../testing';
import { createMemoryEventStore } from './memory-event-store';

runEventStoreContract('memory', async () => ({ store: createMemoryEventStore(), cleanup: async () => undefined }));
