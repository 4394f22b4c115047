import type { BackendEvent, BackendSnapshot } from '../backend/adapter.js';
import { ADAPTER_METHODS } from '../backend/adapter-methods.js';
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
  } else if (isObject(raw.lastMessage)) {
    // Who wrote it is optional: a malformed author is left out (the preview then reads "Agent:").
    const { agentId, authorName, ...rest } = raw.lastMessage;
    if ((agentId !== undefined && !isId(agentId)) || (authorName !== undefined && typeof authorName !== 'string')) {
      fix.lastMessage = { ...rest, ...(isId(agentId) ? { agentId } : {}), ...(typeof authorName === 'string' ? { authorName } : {}) };
    }
  }
  return (hasKeys(fix) ? { ...raw, ...fix } : raw) as unknown as ChatSession;
}

/**
 * Check a message from the adapter. Required: `id`, `sessionId`, `seq` (a number ≥ 0), `kind`
 * (to-customer, from-customer, system), `sentAt` (ISO 8601), each attachment's `id`. Defaults:
 * `text` and `authorName` `''`, `attachments` []. Optional parts that are malformed (`transfer`) are left out.
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
  // Optional: a malformed transfer is left out (the line then names nobody).
  if (raw.transfer !== undefined) {
    const t = raw.transfer;
    if (!isObject(t) || !isId(t.fromAgentId) || !isId(t.toAgentId)) fix.transfer = undefined;
    else if (t.note !== undefined && typeof t.note !== 'string') fix.transfer = { fromAgentId: t.fromAgentId, toAgentId: t.toAgentId };
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

/**
 * Check a push event: a known `type` and a valid record (session, message, agent, channel, status).
 * @param sessionId for a feed of one chat (`listenIn`): its `message` and `session-updated` events
 *   must be of that chat (else `invalid-input` naming `sessionId` or `id`)
 */
export function checkEvent(raw: unknown, sessionId?: string): BackendEvent | ChatBackendError {
  if (!isObject(raw)) return invalid('event', 'event', 'is not an object');
  const carried = (key: string, check: (value: unknown) => unknown) => {
    const value = check(raw[key]);
    if (value instanceof ChatBackendError) return value;
    return (value === raw[key] ? raw : { ...raw, [key]: value }) as unknown as BackendEvent;
  };
  switch (raw.type) {
    case 'session-updated':
      return carried('session', sessionId === undefined ? checkSession : (value) => ofSession(sessionId, checkSession(value), 'id'));
    case 'message':
      return carried('message', sessionId === undefined ? checkMessage : forSession(sessionId, checkMessage));
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
 * A check of records asked for one chat (`getMessages(sessionId)`, `getChatTranscript(sessionId)`,
 * `sendMessage(sessionId)`, the `listenIn(sessionId)` feed): `check`, then the record's
 * `sessionId` must be that chat. A record of another chat is an `invalid-input` error naming
 * `sessionId` (and both ids), so it is left out instead of showing in the wrong chat.
 */
export function forSession<T extends { readonly sessionId: string }>(
  sessionId: string,
  check: (item: unknown) => T | ChatBackendError,
): (item: unknown) => T | ChatBackendError {
  return (item) => ofSession(sessionId, check(item), 'sessionId');
}

/**
 * Check the session a command resolved with (`answer`, `acceptTransfer`, `requestTransfer`,
 * `rejectTransfer`, `cancelTransfer`, `endSession`, `linkPerson`: the asked chat;
 * `takeNextInQueue`: any chat, or `null` for an empty queue, checked before this is called).
 * The result must be a valid session ({@link checkSession}) and, when `sessionId` is given, that
 * chat: a command that answers with another chat would otherwise put that chat in the list (and
 * select it) while the asked one stays as it was.
 * @param command the adapter method, for the message (e.g. `answer`)
 * @param sessionId the asked chat's id, or `null` when the command names none (`takeNextInQueue`)
 * @returns the session (defaults filled), or an `invalid-input` ChatBackendError whose message
 *   names the command and both ids (`details`: `field` `id`, `command`, `sessionId`, `returnedId`),
 *   or, for a record that is not a session, the command and the field at fault
 */
export function checkCommandSession(command: string, sessionId: string | null, raw: unknown): ChatSession | ChatBackendError {
  const asked = sessionId === null ? `${command}()` : `${command}('${sessionId}')`;
  const session = checkSession(raw);
  if (session instanceof ChatBackendError) {
    return new ChatBackendError('invalid-input', `Adapter ${asked} resolved with no valid chat session: ${session.message}`, {
      details: { ...session.details, command, sessionId },
      cause: session,
    });
  }
  if (sessionId === null || session.id === sessionId) return session;
  return new ChatBackendError(
    'invalid-input',
    `Adapter ${asked} resolved with another chat session: 'id' is '${session.id}', not the asked '${sessionId}' (nothing was changed)`,
    { details: { field: 'id', command, sessionId, returnedId: session.id } },
  );
}

function ofSession<T>(sessionId: string, checked: T | ChatBackendError, field: 'sessionId' | 'id'): T | ChatBackendError {
  if (checked instanceof ChatBackendError) return checked;
  const record = checked as unknown as Loose;
  if (record[field] === sessionId) return checked;
  const what = field === 'id' ? 'session' : label(record, 'message');
  return invalid(what, field, `is ${show(record[field])}, not the chat it was asked for ('${sessionId}')`);
}

/**
 * Check a page of `getMessages(sessionId, options)` against the contract: oldest first with `seq`
 * increasing, every `seq` below `beforeSeq` and above `afterSeq`, at most `limit` messages.
 * These messages are of the right chat, so they are kept (the service shows them in `seq` order);
 * the error (`invalid-input` naming `seq` or `limit`) says the adapter does not page as asked.
 * @param messages the page's checked messages
 * @returns `null` when the page keeps the contract
 */
export function checkPage(
  messages: readonly { readonly id: string; readonly seq: number }[],
  options: { readonly beforeSeq?: number; readonly afterSeq?: number; readonly limit?: number },
): ChatBackendError | null {
  const { beforeSeq, afterSeq, limit } = options;
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    const what = `getMessages message '${m.id}'`;
    if (beforeSeq !== undefined && m.seq >= beforeSeq) return invalid(what, 'seq', `is ${m.seq}, not below the asked beforeSeq ${beforeSeq}`);
    if (afterSeq !== undefined && m.seq <= afterSeq) return invalid(what, 'seq', `is ${m.seq}, not above the asked afterSeq ${afterSeq}`);
    const previous = messages[i - 1];
    if (previous && m.seq <= previous.seq) {
      return invalid(what, 'seq', `is ${m.seq} after ${previous.seq}: a page is oldest first, seq increasing`);
    }
  }
  if (limit !== undefined && messages.length > limit) {
    return invalid('getMessages', 'limit', `was ${limit}, the page has ${messages.length} messages`);
  }
  return null;
}

/**
 * Check that an adapter has every member of `ChatBackendAdapter` the service calls: each required
 * method (`ADAPTER_METHODS`, derived from the interface) is a function and `events$` can be
 * subscribed. Optional methods (none today) may be missing.
 * @returns `null`, or an `invalid-input` ChatBackendError naming every missing member
 *   (`details.field` `methods`, `details.missing` the names)
 */
export function checkAdapter(adapter: unknown): ChatBackendError | null {
  if (!isObject(adapter)) return invalid('', 'adapter', 'is not an object');
  const missing: string[] = ADAPTER_METHODS.filter((name) => typeof adapter[name] !== 'function');
  const events = adapter.events$;
  if (!isObject(events) || typeof events.subscribe !== 'function') missing.push('events$');
  if (!missing.length) return null;
  return new ChatBackendError(
    'invalid-input',
    `Adapter: ${missing.length === 1 ? 'member' : 'members'} of ChatBackendAdapter missing: ${missing.join(', ')} ` +
      '(every method is required; events$ must be an Observable)',
    { details: { field: 'methods', missing } },
  );
}

/**
 * Check a list of records: the valid ones (with defaults), and one error for the ones left out
 * (`null` when none), naming how many and the first one's field. Records are told apart by `id`:
 * a record repeated with the same data (a repeated delivery) is kept once without a word; a second
 * record with the id of an earlier one but other data is left out and reported (`'id' is given
 * twice with different content`; the first one is kept). A later response with a changed record
 * (an update) is not compared here.
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
  const seen = new Map<unknown, T>();
  for (let i = 0; i < raw.length; i++) {
    let checked = check(raw[i]);
    if (!(checked instanceof ChatBackendError)) {
      const id = (checked as { id?: unknown }).id;
      const earlier = seen.get(id);
      if (earlier === undefined) seen.set(id, checked);
      else {
        // The same record twice (a repeated delivery) is one record; two different records with
        // one id are corrupt data: the first stays, the other is reported.
        items ??= raw.slice(0, i) as T[];
        if (sameData(earlier, checked)) continue;
        checked = invalid(`record '${String(id)}'`, 'id', 'is given twice with different content in one response; the first is shown');
      }
    }
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
 * Check a snapshot. Required: an object with `capabilities` and `agent` (the agent the adapter
 * acts for, with `id` and a `rights` object: every rights rule of the service reads them, so
 * without them the rules would be skipped); `agents`, `channels` and `sessions` default to `[]`,
 * and their invalid records are left out (reported in `errors`). The `agent` is added to `agents`
 * when they lack it (reported). A session whose `channelId` is not among `channels` is kept and
 * reported (its channel's warnings cannot apply).
 * With `adapter`, its `agentId` must be a non-empty string and the snapshot `agent` must be that
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
  if (!isObject(raw.agent)) {
    return invalid('snapshot', 'agent', "is missing: the agent the adapter acts for (its 'id', 'name', 'presence' and 'rights')");
  }
  const agent = checkAgent(raw.agent);
  if (agent instanceof ChatBackendError) return invalid('snapshot', 'agent.id', 'is missing');
  if (!isObject(raw.agent.rights)) {
    return invalid('snapshot', 'agent.rights', "is missing: the agent's rights per channel id (respond, listenIn, notify)");
  }
  const agents = checkList('getSnapshot agents', raw.agents ?? [], checkAgent);
  const channels = checkList('getSnapshot channels', raw.channels ?? [], checkChannel);
  const sessions = checkList('getSnapshot sessions', raw.sessions ?? [], checkSession);
  const errors = [agents.error, channels.error, sessions.error].filter((e): e is ChatBackendError => e !== null);
  let agentList = agents.items;
  if (!agentList.some((a) => a.id === agent.id)) {
    agentList = [...agentList, agent];
    errors.push(invalid('snapshot', 'agents', `lack the snapshot's agent '${agent.id}' (added)`));
  }
  const channelIds = new Set(channels.items.map((c) => c.id));
  const strays = sessions.items.filter((x) => !channelIds.has(x.channelId));
  if (strays.length) {
    const first = strays[0]!;
    errors.push(
      new ChatBackendError(
        'invalid-input',
        `getSnapshot sessions: ${strays.length} session${strays.length === 1 ? ' is' : 's are'} on a channel the snapshot does not list ` +
          `(shown without the channel's warnings); Adapter session '${first.id}': 'channelId' is '${first.channelId}', not among the snapshot's channels`,
        { details: { field: 'channelId', count: strays.length } },
      ),
    );
  }
  const same = agentList === raw.agents && channels.items === raw.channels && sessions.items === raw.sessions && (agent as unknown) === raw.agent;
  const snapshot = (
    same ? raw : { ...raw, agent, agents: agentList, channels: channels.items, sessions: sessions.items }
  ) as unknown as BackendSnapshot;
  return { snapshot, errors };
}

/** Whether two records hold the same data (deep, key order ignored). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  if (keys.length !== Object.keys(b).filter((k) => b[k] !== undefined).length) return false;
  return keys.every((k) => sameData(a[k], b[k]));
}

function hasKeys(o: object): boolean {
  return Object.keys(o).length > 0;
}
