package main

import "math"

// Equal Earth projection constants. Source: Bojan Šavrič, Tom Patterson,
// Bernhard Jenny, "The Equal Earth map projection", International Journal
// of Geographical Information Science 33:3 (2019), 454–465,
// doi:10.1080/13658816.2018.1504949 (equations 2 and 3); d3-geo's
// equalEarth uses the same.
const (
	eeA1 = 1.340264
	eeA2 = -0.081106
	eeA3 = 0.000893
	eeA4 = 0.003796
)

var eeM = math.Sqrt(3) / 2

// EqualEarth projects longitude and latitude in degrees onto the unit Equal
// Earth plane (x east, y north; x within ±EqualEarthHalfWidth):
//
//	sin θ = (√3/2) sin φ
//	x = 2√3 λ cos θ / (3 (9 A4 θ⁸ + 7 A3 θ⁶ + 3 A2 θ² + A1))
//	y = A4 θ⁹ + A3 θ⁷ + A2 θ³ + A1 θ
//
// It is equal-area: equal areas on the map are equal areas on the globe,
// which suits a map shaded by country.
func EqualEarth(lon, lat float64) (x, y float64) {
	lambda, phi := lon*math.Pi/180, lat*math.Pi/180
	th := math.Asin(eeM * math.Sin(phi))
	t2 := th * th
	t6 := t2 * t2 * t2
	x = 2 * math.Sqrt(3) * lambda * math.Cos(th) / (3 * (9*eeA4*t6*t2 + 7*eeA3*t6 + 3*eeA2*t2 + eeA1))
	y = th * (eeA1 + eeA2*t2 + t6*(eeA3+eeA4*t2))
	return x, y
}

// EqualEarthHalfWidth is x at longitude 180° on the equator, the widest
// point: 2√3 π / (3 A1).
var EqualEarthHalfWidth = 2 * math.Sqrt(3) * math.Pi / (3 * eeA1)
