/** The single-file CDN build: every export, and every element registered. */
import './define.js';

export * from './index.js';
