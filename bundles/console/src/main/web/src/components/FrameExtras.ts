import { createContext } from 'react';

/**
 * Whether the frame shows its background helpers (notifications, which poll the server, and the training tour).
 * Always on in the console; page tests turn them off so that a page's own requests are all the server sees.
 */
export const FrameExtras = createContext(true);
