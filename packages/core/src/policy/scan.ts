import { z } from 'zod';

const verdict = z.enum(['safe', 'review', 'unsafe', 'error']);

/** `scan:` — what the model scanner treats as safe, and which verdicts block. */
export const scanPolicySchema = z
  .strictObject({
    failOn: z
      .array(verdict)
      .min(1)
      .default(['unsafe', 'review', 'error'])
      .describe('Verdicts that make a scan block (error: any file not fully analysed; see docs/scanner.md).'),
    allowGlobals: z.array(z.string().min(1)).default([]).describe('Extra pickle globals treated as safe, as "module.name" or "module.*".'),
    denyGlobals: z.array(z.string().min(1)).default([]).describe('Extra pickle globals treated as unsafe.'),
    limits: z
      .strictObject({
        maxDepth: z.number().int().min(0).max(16).default(4).describe('Nesting depth of archives.'),
        maxMembers: z.number().int().min(1).default(100_000),
        maxDecompressedBytes: z
          .number()
          .int()
          .min(1)
          .default(8 * 1024 ** 3),
        maxCompressionRatio: z.number().min(1).default(200),
        maxOpcodes: z.number().int().min(1).default(50_000_000),
      })
      .default({
        maxDepth: 4,
        maxMembers: 100_000,
        maxDecompressedBytes: 8 * 1024 ** 3,
        maxCompressionRatio: 200,
        maxOpcodes: 50_000_000,
      }),
    keras: z
      .strictObject({
        allowModules: z
          .array(z.string().min(1))
          .default([])
          .describe('Extra Keras config modules treated as safe ("pkg.module" or "pkg.*").'),
        allowRegisteredNames: z
          .array(z.string().min(1))
          .default([])
          .describe('Custom registered objects ("package>Name") treated as safe.'),
      })
      .default({ allowModules: [], allowRegisteredNames: [] })
      .describe('Keras config references beyond the built-in allowlist.'),
    onnx: z
      .strictObject({
        allowDomains: z.array(z.string().min(1)).default([]).describe('Extra custom-op domains treated as safe.'),
      })
      .default({ allowDomains: [] }),
    tensorflow: z
      .strictObject({
        allowOps: z.array(z.string().min(1)).default([]).describe('Extra TensorFlow ops treated as known and safe.'),
      })
      .default({ allowOps: [] }),
    sources: z
      .strictObject({
        allow: z.array(z.string().min(1)).default([]).describe('Allowed model sources: "org/*", "org/name", "host".'),
        block: z.array(z.string().min(1)).default([]),
        requireRemoteScan: z
          .boolean()
          .optional()
          .describe(
            'An allowed Hugging Face model must also pin a commit (revision="<40-hex sha>") and pass a scan before download at it (`trustgate scan --sources`). Default false.',
          ),
      })
      .optional()
      .describe('Where models may come from (the "no shadow AI" control).'),
  })
  .describe('Model scanning policy.');

export type ScanPolicy = z.infer<typeof scanPolicySchema>;
