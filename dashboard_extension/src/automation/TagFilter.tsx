import { useQuery } from "../api/context";
import { InboxTagsDocument } from "../generated/graphql";
import { useI18n } from "../i18n";
import { SelectField } from "../ui/fields";

/** The inbox's tag filter (issue 14); hidden while the shop has no tags. */
export function TagFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (slug: string) => void;
}) {
  const { t } = useI18n();
  const tags = useQuery(InboxTagsDocument, {}).data?.helpdeskTags ?? [];

  if (!tags.length && !value) return null;

  return (
    <SelectField
      label={t("automation.tagFilter")}
      value={value}
      placeholder={t("automation.anyTag")}
      options={tags.map((tag) => ({ value: tag.slug, label: tag.name }))}
      onChange={onChange}
    />
  );
}
