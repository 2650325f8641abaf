using Transparency.Core.Modules;

[assembly: Module(
    "Transparency.Contents",
    typeof(Transparency.Contents.Startup),
    Name = "富文本与内容工具",
    Description = "Rich text for every module: the WYSIWYG editor (Quill, shipped as a static asset), the server-side HTML sanitizer and its allow-list, the personal-data detector and redaction, and version diffs.")]
