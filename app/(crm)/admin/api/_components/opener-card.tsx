"use client";

import { type ReactNode, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";

/**
 * A card whose "New …" button opens a form above it (the button hides meanwhile); what the form made (an API
 * key's or an endpoint's secret, shown once) then shows above until dismissed or the next "New …".
 */
export function OpenerCard<Made>({
  title,
  newLabel,
  form,
  made,
  children,
}: {
  title: string;
  newLabel: string;
  /** The form: `close` on Cancel, `done` with what it made. */
  form: (close: () => void, done: (made: Made) => void) => ReactNode;
  made: (made: Made, dismiss: () => void) => ReactNode;
  children: ReactNode;
}) {
  const [opened, setOpened] = useState(false);
  const [created, setCreated] = useState<Made | null>(null);
  return (
    <>
      {created ? made(created, () => setCreated(null)) : null}
      {opened
        ? form(
            () => setOpened(false),
            (m) => {
              setOpened(false);
              setCreated(m);
            },
          )
        : null}
      <Card
        title={title}
        actions={
          opened ? null : (
            <Button
              size="sm"
              onClick={() => {
                setOpened(true);
                setCreated(null);
              }}
            >
              {newLabel}
            </Button>
          )
        }
      >
        {children}
      </Card>
    </>
  );
}
