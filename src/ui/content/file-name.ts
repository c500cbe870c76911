// File names come from visitors' disks and from agents: bidirectional formatting characters in them
// (U+202E RIGHT-TO-LEFT OVERRIDE and its kin) would make 'invoice\u202Efdp.exe' read 'invoiceexe.pdf'.
// They are invisible and mean nothing in a name, so names are shown (and uploaded) without them.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function plainFileName(name: string): string {
  return name.replace(BIDI_CONTROLS, '') || 'file';
}
