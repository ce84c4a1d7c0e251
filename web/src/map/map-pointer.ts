/** What the pointer moves and asks: the map canvas. */
export interface PointerTarget {
  hit(x: number, y: number): string | null;
  select(id: string | null): void;
  panBy(dx: number, dy: number): void;
  zoomAt(factor: number, x: number, y: number): void;
}

/**
 * The mouse on the map: a drag pans, the wheel zooms around the pointer, a
 * click selects what is under it (or clears the selection on empty ground),
 * a double click zooms in there, and the pointer shows a hand over a thing.
 */
export class MapPointer {
  private down: { x: number; y: number; moved: boolean } | null = null;
  private readonly off: Array<() => void> = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly map: PointerTarget,
  ) {
    const on = <K extends keyof HTMLElementEventMap>(type: K, handler: (e: HTMLElementEventMap[K]) => void) => {
      canvas.addEventListener(type, handler as EventListener, { passive: type !== 'wheel' });
      this.off.push(() => canvas.removeEventListener(type, handler as EventListener));
    };
    on('pointerdown', (e) => {
      this.down = { x: e.clientX, y: e.clientY, moved: false };
      canvas.setPointerCapture?.(e.pointerId);
    });
    on('pointermove', (e) => {
      const at = this.at(e);
      if (!this.down) {
        canvas.style.cursor = this.map.hit(at.x, at.y) ? 'pointer' : 'grab';
        return;
      }
      const [dx, dy] = [e.clientX - this.down.x, e.clientY - this.down.y];
      if (!this.down.moved && Math.hypot(dx, dy) < 3) return;
      this.down.moved = true;
      canvas.style.cursor = 'grabbing';
      this.map.panBy(dx, dy);
      this.down.x = e.clientX;
      this.down.y = e.clientY;
    });
    on('pointerup', (e) => {
      const wasClick = this.down && !this.down.moved;
      this.down = null;
      canvas.style.cursor = 'grab';
      if (!wasClick) return;
      const at = this.at(e);
      this.map.select(this.map.hit(at.x, at.y));
    });
    on('dblclick', (e) => {
      const at = this.at(e);
      this.map.zoomAt(2, at.x, at.y);
    });
    on('wheel', (e) => {
      e.preventDefault();
      const at = this.at(e);
      // A wheel notch (deltaY 100) zooms by about a fifth; a trackpad's small deltas zoom smoothly.
      this.map.zoomAt(Math.exp(-e.deltaY * 0.002), at.x, at.y);
    });
  }

  private at(e: MouseEvent): { x: number; y: number } {
    const rect = this.canvas.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  dispose(): void {
    for (const off of this.off) off();
  }
}
