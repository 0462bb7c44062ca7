import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { Link } from "@/app/_components/ui/link";
import { currentUser } from "@/app/_trpc/server";
import { openApiDocument } from "@/server/api-v1/openapi";
import { type JsonSchema, refName, typeLabel } from "./schema-labels";
import { SchemaTable } from "./schema-table";
import { WebhooksReference } from "./webhooks-reference";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("api");
  return { title: t("reference.title") };
}

type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema; description?: string }[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
  responses: Record<
    string,
    { description: string; content?: { "application/json": { schema: JsonSchema } } }
  >;
};

const METHOD_TONE: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-emerald-100 text-emerald-800",
  put: "bg-amber-100 text-amber-900",
};

/** The API reference for admins, rendered from the same OpenAPI document /api/v1/openapi.json serves. */
export default async function ApiReferencePage() {
  const user = await currentUser();
  if (user?.role !== "admin") notFound();
  const t = await getTranslations("api");
  const doc = openApiDocument() as unknown as {
    info: { description: string; version: string };
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  const labels = {
    field: t("reference.field"),
    type: t("reference.type"),
    required: t("reference.required"),
    notes: t("reference.notes"),
    yes: t("reference.yes"),
  };
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const schemas = Object.entries(doc.components.schemas);
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("reference.title")}
        subtitle={t("reference.subtitle", { version: doc.info.version })}
        actions={
          <>
            <Link className="text-sm font-medium text-brand-700 underline" href="/admin/api">
              {t("reference.back")}
            </Link>
            <a className="text-sm font-medium text-brand-700 underline" href="/api/v1/openapi.json">
              {t("page.openapi")}
            </a>
          </>
        }
      />
      <Card title={t("reference.start")}>
        <p className="text-sm text-slate-700">{doc.info.description}</p>
        <pre className="mt-3 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
          {`curl -X POST "$LADDER_URL/api/v1/orders" \\
  -H "Authorization: Bearer $LADDER_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"orders":[{"accountRef":"ERP-10042","externalRef":"SO-2026-000871","orderedAt":"2026-11-30","amount":125000,"margin":31000,"category":"Spare parts"}]}'`}
        </pre>
      </Card>
      <nav aria-label={t("reference.contents")} className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-sm font-semibold text-slate-800">{t("reference.contents")}</h2>
        <ul className="space-y-1 text-sm">
          {operations.map(({ path, method, op }) => (
            <li key={op.operationId}>
              <a className="text-brand-700 underline" href={`#${op.operationId}`}>
                <span className="font-mono text-xs uppercase">{method}</span> {path}
              </a>{" "}
              — {op.summary}
            </li>
          ))}
          <li>
            <a className="text-brand-700 underline" href="#webhooks">
              {t("reference.webhooksLink")}
            </a>
          </li>
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => {
        const body = op.requestBody?.content["application/json"].schema;
        return (
          <section
            key={op.operationId}
            id={op.operationId}
            aria-labelledby={`${op.operationId}-title`}
            className="scroll-mt-4 space-y-3 rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 id={`${op.operationId}-title`} className="flex flex-wrap items-center gap-2 font-semibold">
              <span
                className={`rounded px-1.5 py-0.5 font-mono text-xs uppercase ${METHOD_TONE[method] ?? ""}`}
              >
                {method}
              </span>
              <span className="font-mono text-sm break-all">/api/v1{path}</span>
              <span className="text-sm font-normal text-slate-600">{op.summary}</span>
            </h2>
            {op.description ? (
              <p className="text-sm whitespace-pre-line text-slate-700">
                {op.description.replaceAll("`", "")}
              </p>
            ) : null}
            {op.parameters?.length ? (
              <div>
                <h3 className="mb-1 text-sm font-medium text-slate-800">{t("reference.parameters")}</h3>
                <SchemaTable
                  labels={labels}
                  caption={`${method.toUpperCase()} /api/v1${path}: ${t("reference.parameters")}`}
                  schema={{
                    properties: Object.fromEntries(
                      op.parameters.map((p) => [
                        `${p.name} (${p.in})`,
                        { ...p.schema, description: p.description ?? p.schema?.description },
                      ]),
                    ),
                    required: op.parameters.filter((p) => p.required).map((p) => `${p.name} (${p.in})`),
                  }}
                />
              </div>
            ) : null}
            {body ? (
              <div>
                <h3 className="mb-1 text-sm font-medium text-slate-800">
                  {t("reference.body")} <span className="font-mono text-xs">{typeLabel(body)}</span>
                </h3>
                <SchemaTable
                  labels={labels}
                  caption={`${method.toUpperCase()} /api/v1${path}: ${t("reference.body")} ${typeLabel(body)}`}
                  schema={body.$ref ? (doc.components.schemas[refName(body.$ref)] ?? body) : body}
                />
              </div>
            ) : null}
            <div>
              <h3 className="mb-1 text-sm font-medium text-slate-800">{t("reference.responses")}</h3>
              <ul className="space-y-0.5 text-sm">
                {Object.entries(op.responses).map(([status, r]) => (
                  <li key={status}>
                    <span className="font-mono text-xs font-semibold">{status}</span>{" "}
                    {r.description.replaceAll("`", "")}
                    {r.content && status.startsWith("2") ? (
                      <span className="font-mono text-xs">
                        {" "}
                        — {typeLabel(r.content["application/json"].schema)}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          </section>
        );
      })}
      <WebhooksReference />
      <Card title={t("reference.schemas")}>
        <div className="space-y-5">
          {schemas.map(([name, schema]) => (
            <section key={name} id={`schema-${name}`} aria-labelledby={`schema-${name}-title`}>
              <h3 id={`schema-${name}-title`} className="mb-1 font-mono text-sm font-semibold">
                {name}
              </h3>
              {schema.description ? (
                <p className="mb-1 text-sm text-slate-600">{schema.description}</p>
              ) : null}
              <SchemaTable labels={labels} caption={name} schema={schema} />
            </section>
          ))}
        </div>
      </Card>
    </div>
  );
}
