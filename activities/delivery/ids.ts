// Deterministic ids: the same message to the same person or endpoint on the same channel is one
// row, one Message-ID and one delivery-id header, however often it is fanned out or retried.
import { createHash } from 'node:crypto';

export type Channel = 'inapp' | 'email' | 'webhook';

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

/** target: `user:<id>` or `webhook:<id>`; message: the outbox id, or `digest:<date>` for a daily digest. */
export const deliveryId = (message: string, target: string, channel: Channel) => `dlv_${hash(message, target, channel)}`;

export const digestDeliveryId = (userId: string, date: string) => deliveryId(`digest:${date}`, `user:${userId}`, 'email');

/** RFC 5322 Message-ID, so a receiver (or its mail server) can drop a copy sent again after a crash. */
export const messageIdHeader = (id: string, domain: string) => `<${id}@${domain}>`;
