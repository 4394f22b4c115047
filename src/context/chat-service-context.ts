import { createContext } from '@lit/context';
import type { ChatService } from '../service/chat-service.js';

/**
 * The context key under which a `ChatService` is provided to chat elements. A unique symbol, so
 * two copies of the library on one page never share incompatible services.
 */
export const chatServiceContext = createContext<ChatService | undefined>(Symbol('chat-service'));
