// The module scripts/emoji-data.ts serves to every build (Vite plugin): the picker's data as text.
declare module 'virtual:emoji-data' {
  const data: string;
  export default data;
}
