// A Spectral function (bench/spectral/ruleset.yaml): the payments' total, in cents, within a cap.
export default (payments, options) => {
  if (!Array.isArray(payments)) return [];
  let cents = 0;
  for (const payment of payments) cents += Math.round(Number(payment?.amount) * 100);
  if (cents <= options.capCents) return [];
  return [
    { message: `payments total ${cents / 100} EUR, over the cap of ${options.capCents / 100} EUR` },
  ];
};
