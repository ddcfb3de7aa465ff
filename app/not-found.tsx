import Link from "next/link";

// Reached only for addresses outside any language prefix that the proxy did not redirect.
export default function RootNotFound() {
  return (
    <html lang="ar" dir="rtl">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>الصفحة غير موجودة — Page not found</h1>
        <p>
          <Link href="/ar">الملخص العام</Link> · <Link href="/en">Public summary</Link>
        </p>
      </body>
    </html>
  );
}
