package vn.bhxh.media.inspect;

/** EBU R128 measurement: integrated loudness in LUFS and true peak in dBTP (−Infinity for silence). */
public record Loudness(double integratedLufs, double truePeakDbtp) {
}
