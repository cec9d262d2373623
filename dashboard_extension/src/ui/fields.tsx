import { Box, Text } from "@saleor/macaw-ui";
import { type ChangeEvent, type ReactNode, useId } from "react";

export type SelectOption = { value: string; label: string; disabled?: boolean };

/**
 * How the extension's own inputs look (native select, the staff search box), in
 * macaw-ui's tokens, so they sit beside macaw's `Input` without standing out.
 */
export const INPUT_LOOK = {
  backgroundColor: "default1",
  color: "default1",
  borderColor: "default1",
  borderStyle: "solid",
  borderWidth: 1,
  borderRadius: 3,
  paddingX: 2,
  paddingY: 1.5,
  fontSize: 3,
} as const;

/**
 * A labelled native select, styled with macaw-ui's tokens: native selects are fully
 * keyboard- and screen-reader-accessible and behave the same inside the Dashboard iframe.
 */
export function SelectField({
  label,
  value,
  options,
  onChange,
  disabled,
  placeholder,
  id,
  hideLabel,
}: {
  label: string;
  value: string;
  options: SelectOption[];
  onChange: (value: string) => void;
  disabled?: boolean;
  placeholder?: string;
  id?: string;
  hideLabel?: boolean;
}) {
  const generated = useId();
  const fieldId = id ?? generated;

  return (
    <Box display="flex" flexDirection="column" gap={1}>
      <label htmlFor={fieldId} style={hideLabel ? visuallyHidden : undefined}>
        <Text size={2} color="default2">
          {label}
        </Text>
      </label>
      <Box
        as="select"
        id={fieldId}
        value={value}
        disabled={disabled}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}
        {...INPUT_LOOK}
        cursor="pointer"
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </Box>
    </Box>
  );
}

const visuallyHidden = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0, 0, 0, 0)",
  whiteSpace: "nowrap",
} as const;

export function Section({
  title,
  children,
  actions,
  id,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  id?: string;
}) {
  const generated = useId();
  const headingId = id ?? generated;

  return (
    <Box
      as="section"
      aria-labelledby={headingId}
      display="flex"
      flexDirection="column"
      gap={3}
      padding={4}
      borderRadius={4}
      borderStyle="solid"
      borderWidth={1}
      borderColor="default1"
      backgroundColor="default1"
    >
      <Box display="flex" justifyContent="space-between" alignItems="center" gap={2}>
        <Text as="h2" id={headingId} size={5} fontWeight="bold">
          {title}
        </Text>
        {actions}
      </Box>
      {children}
    </Box>
  );
}

/** A definition list row: label and value. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box display="flex" justifyContent="space-between" gap={2}>
      <Text as="span" size={2} color="default2">
        {label}
      </Text>
      <Text as="span" size={3} textAlign="right">
        {children}
      </Text>
    </Box>
  );
}
