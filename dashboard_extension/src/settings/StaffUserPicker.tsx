import { Box, Button, Text } from "@saleor/macaw-ui";
import {
  type ChangeEvent,
  type KeyboardEvent,
  type MouseEvent,
  useEffect,
  useId,
  useState,
} from "react";

import { useLazyQuery } from "../api/useLazyQuery";
import {
  SettingsAgentCandidatesDocument,
  type SettingsAgentCandidatesQuery,
} from "../generated/graphql";
import { useI18n } from "../i18n";
import { personName } from "../ui/chips";
import { INPUT_LOOK } from "../ui/fields";
import { useDebounced } from "../ui/useDebounced";

export type StaffCandidate = NonNullable<
  SettingsAgentCandidatesQuery["supportAgentCandidates"]
>[number];

/** How many matches one search shows; more words narrow it down. */
export const CANDIDATES_PAGE = 20;
/** Typing pauses this long before the search goes out. */
export const SEARCH_DELAY_MS = 250;

type Answer = { search: string; attempt: number } & (
  | { items: StaffCandidate[] }
  | { error: string }
);

/**
 * Picks a staff user who is not in the support team yet, by name or e-mail: a combobox
 * (WAI-ARIA 1.2, list autocomplete) whose listbox `supportAgentCandidates` fills as the
 * merchant types. Arrow keys move through the matches, Enter takes one, Escape closes the
 * list (or, closed, empties the field).
 */
export function StaffUserPicker({
  value,
  onChange,
  delay = SEARCH_DELAY_MS,
}: {
  value: StaffCandidate | null;
  onChange: (user: StaffCandidate | null) => void;
  delay?: number;
}) {
  const { t } = useI18n();
  const [findCandidates] = useLazyQuery(SettingsAgentCandidatesDocument);
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const [text, setText] = useState(() => (value ? personName(value) : ""));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const typed = text.trim();
  const search = useDebounced(typed, delay);

  useEffect(() => {
    if (!open) return;
    let current = true;

    void findCandidates({ search: search || null, first: CANDIDATES_PAGE }).then((result) => {
      if (!current) return;
      setAnswer(
        result.status === "done"
          ? { search, attempt, items: result.data.supportAgentCandidates ?? [] }
          : { search, attempt, error: result.problem },
      );
    });

    return () => {
      current = false;
    };
  }, [findCandidates, open, search, attempt]);

  // Only an answer to what the field says now counts; anything else is still loading.
  const settled = answer && answer.search === typed && answer.attempt === attempt ? answer : null;
  const items = settled && "items" in settled ? settled.items : [];
  const expanded = open && items.length > 0;

  useEffect(() => setActive(items.length > 0 ? 0 : -1), [settled]); // eslint-disable-line react-hooks/exhaustive-deps

  const optionId = (index: number) => `${listId}-option-${index}`;
  // A click in the list keeps the focus in the field, so the list does not close first.
  const keepFocus = (event: MouseEvent) => event.preventDefault();
  const choose = (user: StaffCandidate) => {
    onChange(user);
    setText(personName(user));
    setOpen(false);
  };
  const move = (step: number) => {
    if (!open) {
      setOpen(true);

      return;
    }
    if (items.length === 0) return;
    const next = (active + step + items.length) % items.length;

    setActive(next);
    document.getElementById(optionId(next))?.scrollIntoView?.({ block: "nearest" });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter" && open) {
      // Enter in the open list picks; it never submits the form with a half-typed name.
      event.preventDefault();
      const user = items[active];

      if (user) choose(user);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
      } else if (text) {
        event.preventDefault();
        setText("");
        onChange(null);
      }
    }
  };

  const status = !settled
    ? ""
    : "error" in settled
    ? t("settings.staffSearchFailed", { message: settled.error })
    : items.length === 0
    ? typed
      ? t("settings.staffNoMatch", { search: typed })
      : t("settings.staffAllInTeam")
    : items.length >= CANDIDATES_PAGE
    ? t("settings.staffMatchesFirst", { count: items.length })
    : t("settings.staffMatches", { count: items.length });

  return (
    <Box display="flex" flexDirection="column" gap={1}>
      <label htmlFor={inputId}>
        <Text size={2} color="default2">
          {t("settings.staffMember")}
        </Text>
      </label>
      <Box
        as="input"
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={hintId}
        aria-required
        value={text}
        placeholder={t("settings.staffSearchPlaceholder")}
        onChange={(event: ChangeEvent<HTMLInputElement>) => {
          setText(event.target.value);
          setOpen(true);
          if (value) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        {...INPUT_LOOK}
      />
      <Text id={hintId} size={1} color="default2">
        {value
          ? t("settings.staffChosen", { name: personName(value), email: value.email })
          : t("settings.staffSearchHint")}
      </Text>
      {/* Always in the document (aria-controls points at it); hidden while closed or empty. */}
      <Box
        as="ul"
        id={listId}
        role="listbox"
        aria-label={t("settings.staffMatchesLabel")}
        hidden={!expanded}
        // `display` would override `hidden` and leave an empty bordered strip.
        display={expanded ? "flex" : "none"}
        flexDirection="column"
        margin={0}
        padding={1}
        borderRadius={3}
        borderStyle="solid"
        borderWidth={1}
        borderColor="default1"
        backgroundColor="default1"
        overflowY="auto"
        __maxHeight="240px"
        style={{ listStyle: "none" }}
      >
        {expanded &&
          items.map((user, index) => (
            <Box
              as="li"
              key={user.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              display="flex"
              flexDirection="column"
              paddingX={2}
              paddingY={1}
              borderRadius={2}
              cursor="pointer"
              backgroundColor={index === active ? "default1Hovered" : "default1"}
              onMouseDown={keepFocus}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(user)}
            >
              <Text size={3} fontWeight={index === active ? "bold" : "regular"}>
                {personName(user)}
              </Text>
              {personName(user) !== user.email && (
                <Text size={2} color="default2">
                  {user.email}
                </Text>
              )}
            </Box>
          ))}
      </Box>
      {open && !settled && (
        <Text size={2} color="default2">
          {t("settings.staffSearching")}
        </Text>
      )}
      <Box role="status">
        {open && settled && "items" in settled && (
          <Text size={2} color="default2">
            {status}
          </Text>
        )}
      </Box>
      {open && settled && "error" in settled && (
        <Box display="flex" gap={2} alignItems="center">
          <Text role="alert" size={2} color="critical1">
            {status}
          </Text>
          <Button
            type="button"
            size="small"
            variant="secondary"
            onMouseDown={keepFocus}
            onClick={() => setAttempt((n) => n + 1)}
          >
            {t("state.retry")}
          </Button>
        </Box>
      )}
    </Box>
  );
}
