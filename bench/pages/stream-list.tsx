/**
 * stream-chat-react's VirtualizedMessageList (react-virtuoso inside) in its Chat / Channel context,
 * rendered by React 19 with its default styles and the same messages as the other contenders.
 *
 * Offline, no network: a StreamChat client whose user is set locally (no connectUser, so no
 * WebSocket and no token), and a channel filled the way the SDK fills one from a query response,
 * `client.hydrateActiveChannels([channel response])` (its offline-support path), so the channel is
 * initialised and <Channel> does not query; the response holds the whole history, so the list has no
 * older page to ask for. The channel config turns read and delivery receipts off
 * (they would call the server). An incoming message arrives as a `message.new` event through
 * `client.dispatchEvent`, the path a WebSocket event takes.
 *
 * Two contenders use it: `stream` (the list as a host gets it, with its defaults, as the issue's
 * baseline was measured: a new message at the bottom scrolls into view smoothly) and
 * `stream-instant` (the list's own work without that animation: `stickToBottomScrollBehavior="auto"`).
 */
import 'stream-chat-react/dist/css/index.css';
import { createRoot, type Root } from 'react-dom/client';
import { type Channel as StreamChannel, type ChannelAPIResponse, type MessageResponse, StreamChat, type UserResponse } from 'stream-chat';
import { Channel, Chat, VirtualizedMessageList } from 'stream-chat-react';
import type { ComponentProps } from 'react';
import { type BenchMessage, type BenchPage, box, countElements, laidOutIn, message, messages, removeBoxes, untilFrame } from './common.js';

const AGENT: UserResponse = { id: 'anna', name: 'Anna de Vries' };
const CUSTOMER: UserResponse = { id: 'jonas', name: 'Jonas Verbeek' };
const CID = 'messaging:bench';

let items: BenchMessage[] = [];
let client: StreamChat;
let channel: StreamChannel;
let host: HTMLElement;
let root: Root;

const toStream = (m: BenchMessage): MessageResponse => ({
  id: m.id,
  cid: CID,
  type: 'regular',
  text: m.text,
  user: m.fromCustomer ? CUSTOMER : AGENT,
  created_at: m.time,
  updated_at: m.time,
});

/** A channel query response as the server would send it. */
function channelResponse(data: BenchMessage[]): ChannelAPIResponse {
  const at = data[0]?.time ?? new Date().toISOString();
  return {
    channel: {
      cid: CID,
      id: 'bench',
      type: 'messaging',
      disabled: false,
      frozen: false,
      created_at: at,
      updated_at: at,
      member_count: 2,
      own_capabilities: ['read-events', 'send-message', 'send-reply', 'send-reaction', 'update-own-message', 'delete-own-message', 'quote-message', 'pin-message', 'flag-message'],
      config: {
        name: 'messaging',
        reminders: false,
        read_events: false,
        delivery_events: false,
        typing_events: false,
        connect_events: false,
        reactions: true,
        replies: true,
        quotes: true,
        uploads: true,
        url_enrichment: false,
        mutes: true,
        search: true,
        polls: false,
        shared_locations: false,
        automod: 'disabled',
        automod_behavior: 'flag',
        message_retention: 'infinite',
        max_message_length: 5000,
        commands: [],
        created_at: at,
        updated_at: at,
      },
    },
    members: [
      { user: AGENT, user_id: AGENT.id },
      { user: CUSTOMER, user_id: CUSTOMER.id },
    ],
    messages: data.map(toStream),
    pinned_messages: [],
    read: [],
    watchers: [],
  };
}

const scroller = () => host.querySelector('.str-chat__message-list-scroll');
/** The newest message's element: the list item holding its timestamp (every message shows one). */
const newest = () => host.querySelector(`time[datetime="${items[items.length - 1]!.time}"]`)?.closest('.str-chat__li') ?? null;

/**
 * The bench page for Stream's list with `props` (none: its defaults).
 * @param props VirtualizedMessageList props, e.g. `{ stickToBottomScrollBehavior: 'auto' }`
 */
export function streamBench(props: Partial<ComponentProps<typeof VirtualizedMessageList>> = {}): BenchPage {
  return {
    async open(n) {
      const data = messages(n);
      host = box();
      client = new StreamChat('bench-offline-key', { logger: () => {} });
      // What connectUser leaves behind, minus the WebSocket and the token (as Stream's own test
      // helpers do): the current user and a settled connection promise.
      client._setUser(AGENT);
      client.wsPromise = Promise.resolve(undefined);
      items = data;
      // The whole history in one response (message_limit above n: no older page to load). Filled
      // before the clock starts, as ours' demo backend holds its messages before: what is timed is
      // the list showing a channel whose messages are in memory (filling 10,000 took 0.8–1.7 s here while the machine was busy).
      [channel] = client.hydrateActiveChannels([channelResponse(items)], {}, { message_limit: n + 1 }) as [StreamChannel];
      const t0 = performance.now();
      root = createRoot(host);
      root.render(
        <Chat client={client}>
          <Channel channel={channel} markReadOnMount={false}>
            <VirtualizedMessageList {...props} />
          </Channel>
        </Chat>,
      );
      return untilFrame(() => !!scroller() && laidOutIn(newest(), scroller()!), t0);
    },
    async append() {
      const m = message(items.length, items.length + 1);
      const t0 = performance.now();
      items = [...items, m];
      client.dispatchEvent({ type: 'message.new', cid: CID, channel_id: 'bench', channel_type: 'messaging', message: toStream(m), user: m.fromCustomer ? CUSTOMER : AGENT, created_at: m.time });
      return untilFrame(() => laidOutIn(newest(), scroller()!), t0);
    },
    elements: countElements,
    close() {
      root.unmount();
      removeBoxes();
    },
  };
}
