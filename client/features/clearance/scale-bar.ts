/** A scale bar of a "round" length (1, 2 or 5 × 10ⁿ m) that fits in `maxPx`. Pure. */
export function scaleBar(metresPerPixel: number, maxPx: number): { metres: number; px: number; label: string } {
  const maxM = metresPerPixel * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxM));
  const step = [5, 2, 1].map((k) => k * pow).find((m) => m <= maxM) ?? pow;
  return { metres: step, px: Math.round(step / metresPerPixel), label: step >= 1000 ? `${step / 1000} km` : `${step} m` };
}
