/**
 * A function of a text remembered per text: registers and registries repeat a few thousand
 * spellings hundreds of thousands of times, and computing each again was the cost. At most `kept`
 * answers are held; when full the memory starts afresh, so odd input cannot grow it without end.
 * `compute` must not answer undefined (it would be computed again each time).
 */
export function rememberedByText<Result>(compute: (text: string) => Result, kept: number): (text: string) => Result {
  const answers = new Map<string, Result>();
  return (text) => {
    let result = answers.get(text);
    if (result === undefined) {
      result = compute(text);
      if (answers.size >= kept) answers.clear();
      answers.set(text, result);
    }
    return result;
  };
}
