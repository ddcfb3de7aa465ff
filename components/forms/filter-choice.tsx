import { inputClassName } from "@/components/forms/field";

/**
 * One select of a list's filter form (a plain GET form, no script needed): its label above it, the
 * current filter value chosen. `options` are [value, label] pairs, the first usually "any" with "".
 */
export function FilterChoice({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: [string, string][] }) {
  return (
    <label className="space-y-1 text-sm">
      <span className="block font-medium">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={inputClassName}>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </label>
  );
}
