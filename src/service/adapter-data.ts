import type { BackendEvent, BackendSnapshot } from '../backend/adapter.js';
import { ChatBackendError } from '../backend/errors.js';
import type { Agent } from '../model/agent.js';
import type { Channel } from '../model/channel.js';
import type { ChatMessage } from '../model/message.js';
import type { ChatSession } from '../model/session.js';

/**
 * The service's one check of what comes from an adapter (snapshot, sessions, messages, events),
 * so malformed data never crashes an element or disappears without a word.
 *
 * Each function returns the record, with safe defaults filled in for optional collections and
 * counters (`attachments` → `[]`, `requestIds` → `[]`, `unreadCount` / `lastSeq` → 0, ...), or a
 * `ChatBackendError('invalid-input')` whose message names the field when the record cannot be
 * shown (no id, unknown status or kind, no valid time, ...). A valid record that needs no default
 * is returned as is (no copy): the check runs for every message and event. Plain TypeScript, no DOM.
 */

const SESSION_STATUSES = new Set(['queued', 'ongoing', 'ended', 'missed']);
const MESSAGE_KINDS = new Set(['to-customer', 'from-customer', 'system']);

type Loose = Record<string, unknown>;

function invalid(what: string, field: string, problem: string): ChatBackendError {
  return new ChatBackendError('invalid-input', `Adapter${what ? ` ${what}` : ''}: '${field}' ${problem}`, { details: { field } });
}

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;
const isId = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const label = (raw: Loose, kind: string) => (isId(raw.id) ? `${kind} '${raw.id}'` : kind);
const show = (value: unknown) => (typeof value === 'string' ? `'${value}'` : String(value));

/**
 * Check a session from the adapter. Required: `id`, `channelId`, `status` (queued, ongoing, ended,
 * missed), `customer` (an object; `name` defaults to `''`), `createdAt` (ISO 8601). Defaults:
 * `agentId` null, `unreadCount` and `lastSeq` 0, `requestIds` [], `customerTyping` false.
 */
export function checkSession(raw: unknown): ChatSession | ChatBackendError {
  if (!isObject(raw)) return invalid('session', 'session', 'is not an object');
  const what = label(raw, 'session');
  if (!isId(raw.id)) return invalid(what, 'id', 'is missing');
  if (!isId(raw.channelId)) return invalid(what, 'channelId', 'is missing');
  if (!SESSION_STATUSES.has(raw.status as string)) return invalid(what, 'status', `is unknown: ${show(raw.status)}`);
  if (!isObject(raw.customer)) return invalid(what, 'customer', 'is missing');
  if (!isTime(raw.createdAt)) return invalid(what, 'createdAt', `is not an ISO 8601 time: ${show(raw.createdAt)}`);
  if (raw.agentId !== undefined && raw.agentId !== null && typeof raw.agentId !== 'string') {
    return invalid(what, 'agentId', 'is not a string or null');
  }
  const fix: Loose = {};
  if (raw.agentId === undefined) fix.agentId = null;
  if (typeof raw.customer.name !== 'string') fix.customer = { ...raw.customer, name: '' };
  if (!isCount(raw.unreadCount)) fix.unreadCount = 0;
  if (!isCount(raw.lastSeq)) fix.lastSeq = 0;
  if (!Array.isArray(raw.requestIds)) fix.requestIds = [];
  if (typeof raw.customerTyping !== 'boolean') fix.customerTyping = false;
  if (raw.lastMessage !== undefined && !(isObject(raw.lastMessage) && typeof raw.lastMessage.text === 'string')) {
    fix.lastMessage = undefined;
  }
  return (hasKeys(fix) ? { ...raw, ...fix } : raw) as unknown as ChatSession;
}

/**
 * Check a message from the adapter. Required: `id`, `sessionId`, `seq` (a number ≥ 0), `kind`
 * (to-customer, from-customer, system), `sentAt` (ISO 8601), each attachment's `id`. Defaults:
 * `text` and `authorName` `''`, `attachments` [].
 */
export function checkMessage(raw: unknown): ChatMessage | ChatBackendError {
  if (!isObject(raw)) return invalid('message', 'message', 'is not an object');
  const what = label(raw, 'message');
  if (!isId(raw.id)) return invalid(what, 'id', 'is missing');
  if (!isId(raw.sessionId)) return invalid(what, 'sessionId', 'is missing');
  if (!isCount(raw.seq)) return invalid(what, 'seq', `is not a number ≥ 0: ${show(raw.seq)}`);
  if (!MESSAGE_KINDS.has(raw.kind as string)) return invalid(what, 'kind', `is unknown: ${show(raw.kind)}`);
  if (!isTime(raw.sentAt)) return invalid(what, 'sentAt', `is not an ISO 8601 time: ${show(raw.sentAt)}`);
  const fix: Loose = {};
  if (typeof raw.text !== 'string') fix.text = '';
  if (typeof raw.authorName !== 'string') fix.authorName = '';
  if (!Array.isArray(raw.attachments)) fix.attachments = [];
  else {
    for (let i = 0; i < raw.attachments.length; i++) {
      const a = raw.attachments[i] as unknown;
      if (!isObject(a) || !isId(a.id)) return invalid(what, `attachments[${i}].id`, 'is missing');
    }
  }
  return (hasKeys(fix) ? { ...raw, ...fix } : raw) as unknown as ChatMessage;
}

/** Check an agent from the adapter. Required: `id`. Defaults: `name` `''`, `rights` {}. */
export function checkAgent(raw: unknown): Agent | ChatBackendError {
  if (!isObject(raw)) return invalid('agent', 'agent', 'is not an object');
  if (!isId(raw.id)) return invalid('agent', 'id', 'is missing');
  const fix: Loose = {};
  if (typeof raw.name !== 'string') fix.name = '';
  if (!isObject(raw.rights)) fix.rights = {};
  return (hasKeys(fix) ? { ...raw, ...fix } : raw) as unknown as Agent;
}

/** Check a channel from the adapter. Required: `id`. Default: `name` `''`. */
export function checkChannel(raw: unknown): Channel | ChatBackendError {
  if (!isObject(raw)) return invalid('channel', 'channel', 'is not an object');
  if (!isId(raw.id)) return invalid('channel', 'id', 'is missing');
  return (typeof raw.name === 'string' ? raw : { ...raw, name: '' }) as unknown as Channel;
}

/** Check a push event: a known `type` and a valid record (session, message, agent, channel, status). */
export function checkEvent(raw: unknown): BackendEvent | ChatBackendError {
  if (!isObject(raw)) return invalid('event', 'event', 'is not an object');
  const carried = (key: string, check: (value: unknown) => unknown) => {
    const value = check(raw[key]);
    if (value instanceof ChatBackendError) return value;
    return (value === raw[key] ? raw : { ...raw, [key]: value }) as unknown as BackendEvent;
  };
  switch (raw.type) {
    case 'session-updated':
      return carried('session', checkSession);
    case 'message':
      return carried('message', checkMessage);
    case 'agent-updated':
      return carried('agent', checkAgent);
    case 'channel-updated':
      return carried('channel', checkChannel);
    case 'connection':
      return raw.status === 'online' || raw.status === 'offline'
        ? (raw as unknown as BackendEvent)
        : invalid('connection event', 'status', `is unknown: ${show(raw.status)}`);
    default:
      return invalid('event', 'type', `is unknown: ${show(raw.type)}`);
  }
}

/**
 * Check a list of records: the valid ones (with defaults), and one error for the ones left out
 * (`null` when none), naming how many and the first one's field.
 * @param source the adapter call, for the message (e.g. `getMessages`)
 */
export function checkList<T>(
  source: string,
  raw: unknown,
  check: (item: unknown) => T | ChatBackendError,
): { readonly items: readonly T[]; readonly error: ChatBackendError | null } {
  if (!Array.isArray(raw)) {
    return { items: [], error: invalid(source, 'list', raw === undefined ? 'is missing' : 'is not an array') };
  }
  let items: T[] | null = null;
  let first: ChatBackendError | null = null;
  let left = 0;
  for (let i = 0; i < raw.length; i++) {
    const checked = check(raw[i]);
    if (checked instanceof ChatBackendError) {
      first ??= checked;
      left++;
      items ??= raw.slice(0, i) as T[];
    } else {
      if (checked !== raw[i]) items ??= raw.slice(0, i) as T[];
      items?.push(checked);
    }
  }
  if (!first) return { items: items ?? (raw as T[]), error: null };
  const error = new ChatBackendError(
    'invalid-input',
    `${source}: ${left} record${left === 1 ? '' : 's'} could not be shown and ${left === 1 ? 'was' : 'were'} left out; ${first.message}`,
    { details: { ...first.details, count: left }, cause: first },
  );
  return { items: items ?? [], error };
}

/**
 * Check a snapshot. Required: an object with `capabilities`; `agents`, `channels` and `sessions`
 * default to `[]`, and their invalid records are left out (reported in `errors`).
 * With `adapter`, its `agentId` must be a non-empty string and a snapshot `agent` must be that
 * agent: otherwise every chat would look like another agent's.
 * @returns the snapshot with defaults filled and the errors of left-out records, or an
 *   `invalid-input` ChatBackendError naming the field when the snapshot cannot be used
 */
export function checkSnapshot(
  raw: unknown,
  adapter?: { readonly agentId?: unknown },
): { readonly snapshot: BackendSnapshot; readonly errors: readonly ChatBackendError[] } | ChatBackendError {
  if (adapter) {
    const { agentId } = adapter;
    if (!isId(agentId)) {
      return invalid('', 'agentId', "is not set: give the adapter an 'agentId' property, the id of the agent it acts for");
    }
    if (isObject(raw) && isObject(raw.agent) && raw.agent.id !== agentId) {
      return invalid('snapshot', 'agent', `is agent '${String(raw.agent.id)}', not the adapter's agentId '${agentId}'`);
    }
  }
  if (!isObject(raw)) return invalid('snapshot', 'snapshot', 'is not an object');
  if (!isObject(raw.capabilities)) return invalid('snapshot', 'capabilities', 'is missing');
  const agents = checkList('getSnapshot agents', raw.agents ?? [], checkAgent);
  const channels = checkList('getSnapshot channels', raw.channels ?? [], checkChannel);
  const sessions = checkList('getSnapshot sessions', raw.sessions ?? [], checkSession);
  const errors = [agents.error, channels.error, sessions.error].filter((e): e is ChatBackendError => e !== null);
  const same = agents.items === raw.agents && channels.items === raw.channels && sessions.items === raw.sessions;
  const snapshot = (same ? raw : { ...raw, agents: agents.items, channels: channels.items, sessions: sessions.items }) as unknown as BackendSnapshot;
  return { snapshot, errors };
}

function hasKeys(o: object): boolean {
  return Object.keys(o).length > 0;
}
