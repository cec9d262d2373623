import { Box, Button, Text } from "@saleor/macaw-ui";

import { useI18n } from "../i18n";

/** The placeholders a text may use, each insertable with a button. */
export function Placeholders({
  items,
  onInsert,
}: {
  items: ReadonlyArray<{ name: string; description: string }>;
  onInsert: (name: string) => void;
}) {
  const { t } = useI18n();

  if (items.length === 0) return null;

  return (
    <Box as="details">
      <Box as="summary" cursor="pointer">
        <Text size={2}>{t("settings.placeholders", { count: items.length })}</Text>
      </Box>
      <Box
        as="ul"
        display="flex"
        flexDirection="column"
        gap={1}
        paddingLeft={0}
        style={{ listStyle: "none" }}
      >
        {items.map((p) => (
          <Box as="li" key={p.name} display="flex" gap={2} alignItems="center">
            <Button
              type="button"
              size="small"
              variant="tertiary"
              onClick={() => onInsert(p.name)}
              aria-label={t("settings.insertPlaceholder", { name: p.name })}
            >
              <code>{`{{ ${p.name} }}`}</code>
            </Button>
            <Text size={2} color="default2">
              {p.description}
            </Text>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
