// Progressive enhancement of the signature form (features/agreements): shows the drawing pad and records what is
// drawn with pointer events (mouse, touch, stylus) as SVG path data (M and L commands in a 600 × 200 box) in the
// hidden "drawing" field. Without this file the typed signature works on its own, by keyboard too.
for (const pad of document.querySelectorAll('[data-signature-pad]')) {
  const form = pad.closest('form');
  const canvas = pad.querySelector('canvas');
  const field = pad.querySelector('[data-signature-drawing]');
  const method = form.querySelector('[data-signature-method]');
  const ctx = canvas.getContext('2d');
  const strokes = [];
  let current = null;
  pad.hidden = false;
  canvas.style.touchAction = 'none';

  const point = (e) => {
    const box = canvas.getBoundingClientRect();
    const x = Math.min(600, Math.max(0, ((e.clientX - box.left) / box.width) * 600));
    const y = Math.min(200, Math.max(0, ((e.clientY - box.top) / box.height) * 200));
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  };
  const redraw = () => {
    ctx.clearRect(0, 0, 600, 200);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#0b0c0c';
    for (const s of strokes) {
      ctx.beginPath();
      for (const [i, [x, y]] of s.entries()) {
        if (i) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
      }
      if (s.length === 1) ctx.lineTo(s[0][0] + 0.5, s[0][1] + 0.5);
      ctx.stroke();
    }
  };
  const save = () => {
    field.value = strokes
      .map((s) => (s.length === 1 ? [...s, [s[0][0] + 0.5, s[0][1] + 0.5]] : s).map(([x, y], i) => `${i ? 'L' : 'M'} ${x} ${y}`).join(' '))
      .join(' ');
    method.value = field.value ? 'drawn' : 'typed';
  };

  canvas.addEventListener('pointerdown', (e) => {
    canvas.setPointerCapture(e.pointerId);
    current = [point(e)];
    strokes.push(current);
    redraw();
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!current) return;
    const [x, y] = point(e);
    const [lx, ly] = current[current.length - 1];
    if (Math.abs(x - lx) + Math.abs(y - ly) >= 2) current.push([x, y]);
    redraw();
  });
  const end = () => {
    if (!current) return;
    current = null;
    save();
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  pad.querySelector('[data-signature-clear]').addEventListener('click', () => {
    strokes.length = 0;
    redraw();
    save();
  });
}
