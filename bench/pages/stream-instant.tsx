/**
 * stream-chat-react's VirtualizedMessageList scrolling to a new message instantly
 * (`stickToBottomScrollBehavior="auto"` instead of its default "smooth"): the list's own work,
 * without the animation (see stream-list.tsx).
 */
import { streamBench } from './stream-list.js';

window.bench = streamBench({ stickToBottomScrollBehavior: 'auto' });
