using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AnomalyConnect.Integrations.NodeConfigs;

/// <summary>
/// Writes one block-style YAML mapping through YamlDotNet's emitter. Values that come from input are always
/// double-quoted: the emitter escapes whatever they hold, and a secret like <c>0x10</c>, <c>yes</c> or <c>1e3</c>
/// stays a string instead of being read back as a number or a boolean.
/// </summary>
internal sealed class YamlBlockWriter
{
    private readonly Emitter emitter;

    public YamlBlockWriter(TextWriter output)
    {
        // No folding of long lines: URLs and secrets stay on one line, where an operator can read and grep them.
        emitter = new Emitter(output, new EmitterSettings().WithBestWidth(int.MaxValue).WithIndentedSequences());
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
    }

    /// <summary>Opens a nested mapping under <paramref name="key"/>; close it with <see cref="EndMapping"/>.</summary>
    public void BeginMapping(string key)
    {
        Plain(key);
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
    }

    public void EndMapping() => emitter.Emit(new MappingEnd());

    /// <summary>A value from input: always double-quoted.</summary>
    public void Text(string key, string value)
    {
        Plain(key);
        Quoted(value);
    }

    /// <summary>A fixed word of the format (a type name, a keyword): plain.</summary>
    public void Word(string key, string word)
    {
        Plain(key);
        Plain(word);
    }

    public void Boolean(string key, bool value) => Word(key, value ? "true" : "false");

    public void Texts(string key, IEnumerable<string> values) => Sequence(key, values, Quoted);

    public void Words(string key, IEnumerable<string> words) => Sequence(key, words, Plain);

    /// <summary>Closes the document; the writer is spent afterwards.</summary>
    public void Finish()
    {
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
    }

    private void Sequence(string key, IEnumerable<string> values, Action<string> item)
    {
        Plain(key);
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
        foreach (var value in values)
        {
            item(value);
        }
        emitter.Emit(new SequenceEnd());
    }

    private void Plain(string value) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    private void Quoted(string value) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
}
