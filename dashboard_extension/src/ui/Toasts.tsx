import { Box, Text } from "@saleor/macaw-ui";

import type { Notification } from "../host/host";

/** Standalone notifications (inside the Dashboard, its own notifications are used). */
export function Toasts({ items }: { items: Array<Notification & { id: number }> }) {
  return (
    <Box
      aria-live="polite"
      position="fixed"
      __right="16px"
      __bottom="16px"
      display="flex"
      flexDirection="column"
      gap={2}
      __zIndex="1000"
    >
      {items.map((item) => (
        <Box
          key={item.id}
          role={item.status === "error" ? "alert" : "status"}
          padding={3}
          borderRadius={3}
          boxShadow="defaultOverlay"
          backgroundColor={
            item.status === "error"
              ? "critical1"
              : item.status === "success"
              ? "success1"
              : "default1"
          }
        >
          <Text fontWeight="medium">{item.title}</Text>
          {item.text && <Text size={2}> {item.text}</Text>}
        </Box>
      ))}
    </Box>
  );
}
