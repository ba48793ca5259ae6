// Logical properties only (margin-inline, padding-block, inset-inline...), so Persian pages
// mirror with nothing but dir="rtl". Colours meet WCAG AA on white.
export const HELP_CENTER_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Tahoma,sans-serif;color:#1f2328;background:#f7f8fa;line-height:1.6}
a{color:#0b5cad}
.top{display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;align-items:center;padding-block:1rem;padding-inline:1.5rem;background:#0f766e}
.top a{color:#fff}
.brand{font-weight:700;font-size:1.15rem;text-decoration:none}
.locales{display:flex;gap:.75rem}
.locales a[aria-current]{font-weight:700;text-decoration:none}
.search{display:flex;gap:.5rem;max-inline-size:46rem;margin-block:1.5rem;margin-inline:auto;padding-inline:1.5rem}
.search input{flex:1;font:inherit;padding-block:.6rem;padding-inline:.9rem;border:1px solid #8c959f;border-radius:.5rem}
button{font:inherit;background:#0f766e;color:#fff;border:0;border-radius:.5rem;padding-block:.6rem;padding-inline:1.1rem;cursor:pointer}
button.secondary{background:#fff;color:#0f766e;border:1px solid #0f766e}
main{max-inline-size:46rem;margin-inline:auto;padding-inline:1.5rem;padding-block-end:3rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:1rem;padding:0;list-style:none}
.cards li{background:#fff;border:1px solid #d0d7de;border-radius:.75rem;padding:1rem}
.cards h3{margin-block:0 .25rem;font-size:1.05rem}
.list{padding-inline-start:1.2rem}
.list li{margin-block:.4rem}
.muted{color:#57606a;font-size:.95rem}
article{background:#fff;border:1px solid #d0d7de;border-radius:.75rem;padding-block:.5rem 1.5rem;padding-inline:1.5rem}
article img{max-inline-size:100%}
.feedback{margin-block-start:2rem;padding:1rem;border:1px solid #d0d7de;border-radius:.75rem;background:#fff}
.feedback fieldset{border:0;padding:0;margin:0;display:flex;gap:.5rem;flex-wrap:wrap;align-items:center}
.feedback textarea{display:block;inline-size:100%;margin-block:.5rem;font:inherit;border:1px solid #8c959f;border-radius:.5rem;padding:.5rem}
.visually-hidden{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
