import { fitToWidth, MIN_READABLE_ZOOM } from './diagram-fit';

describe('fitToWidth', () => {
  it('fits a narrow diagram to the full width, no larger than drawn, and shows its whole height', () => {
    // when
    const fit = fitToWidth({ x: 150, y: 60, width: 560, height: 300 }, 1200);

    // then
    expect(fit).toEqual({ zoom: 1, heightPx: 352, viewbox: { x: 130, y: 40, width: 1200, height: 352 } });
  });

  it('scales a wide diagram down to the host width, with a height that keeps the aspect', () => {
    // when: 1160 + 2 × 20 margin = 1200 wide into 900 px → zoom 0.75
    const fit = fitToWidth({ x: 0, y: 0, width: 1160, height: 560 }, 900);

    // then
    expect(fit.zoom).toBe(0.75);
    expect(fit.heightPx).toBe(450);
    expect(fit.viewbox).toEqual({ x: -20, y: -20, width: 1200, height: 600 });
  });

  it('keeps labels readable: a diagram too wide for the host is shown at the readable minimum and panned', () => {
    // when
    const fit = fitToWidth({ x: 0, y: 0, width: 3000, height: 1000 }, 1000);

    // then
    expect(fit.zoom).toBe(MIN_READABLE_ZOOM);
    expect(fit.heightPx).toBe(624);
  });
});
