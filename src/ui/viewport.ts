// On phones the on-screen keyboard shrinks the visual viewport but not the layout viewport, so a
// full-screen window sized by 100vh/dvh would hide its composer under the keyboard. The window is
// sized from these two variables instead (set through CSSOM, which a strict CSP allows).
export function trackViewport(el: HTMLElement): () => void {
  const vv = window.visualViewport;
  if (!vv) return () => {};
  const update = () => {
    el.style.setProperty('--cw-vvh', `${vv.height}px`);
    el.style.setProperty('--cw-vvt', `${vv.offsetTop}px`);
  };
  update();
  vv.addEventListener('resize', update);
  vv.addEventListener('scroll', update);
  return () => {
    vv.removeEventListener('resize', update);
    vv.removeEventListener('scroll', update);
  };
}
