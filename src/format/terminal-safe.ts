/**
 * Text from a roster on a terminal: control characters (a line break in a quoted cell, an escape
 * sequence that would repaint the screen) become spaces.
 */
export const terminalSafe = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
