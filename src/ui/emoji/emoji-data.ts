// The picker's data as a chunk of its own (made at build time by scripts/emoji-data.ts), fetched
// alongside the picker's code the first time the visitor opens it.
export { default } from 'virtual:emoji-data';
